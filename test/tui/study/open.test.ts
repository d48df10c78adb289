/** Opening a study for the dashboard: editable when valid, read-only with its problems when not. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { DataError } from '../../../src/core/corpus/load.js';
import { openStudyForDashboard } from '../../../src/tui/study/open.js';
import { newStudy } from './helpers.js';

describe('opening a study for the dashboard', () => {
  it('opens a valid study for editing, with its view as the corpus', async () => {
    const { file } = await newStudy();
    const opened = await openStudyForDashboard(file, {}, 'ana');
    expect('session' in opened.study && opened.study.author).toBe('ana');
    expect(opened.corpus.quotes).toHaveLength(19);
  });

  it('opens a study that fails validation read-only: its sources shown, its problems named with the place', async () => {
    const { file } = await newStudy();
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.study.narratives = [{ id: 'n-x', label: '', by: 'a', at: 'yesterday' }];
    writeFileSync(file, JSON.stringify(json));
    const opened = await openStudyForDashboard(file);
    expect('readOnly' in opened.study).toBe(true);
    const problems = 'readOnly' in opened.study ? opened.study.readOnly.problems : [];
    expect(problems.join('\n')).toContain('$.study.narratives[0].label');
    expect(problems.join('\n')).toContain('$.study.narratives[0].at');
    expect(opened.corpus.quotes).toHaveLength(19);
  });

  it('has nothing to show when the study names no readable sources: the error goes to the caller', async () => {
    const { file } = await newStudy();
    writeFileSync(file, '{ broken');
    await expect(openStudyForDashboard(file)).rejects.toBeInstanceOf(DataError);
  });
});
