process.argv.push('--articles', '0');
