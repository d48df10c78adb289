/**
 * Writing XML text and attributes safely. XML 1.0 cannot carry most C0 control characters at all
 * (not even as &#x1B;), nor U+FFFE/U+FFFF or unpaired surrogates: those are shown as Unicode
 * control pictures (␛) or U+FFFD, as the terminal shows them (core/sanitize), so hostile text
 * stays visible and the file stays well-formed. Everything else is kept exactly: tabs, line feeds
 * and carriage returns are written as character references where a parser would otherwise
 * normalise them away.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceNonXml(s: string): string {
  return s.replace(NOT_XML, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\uFFFD';
  });
}

/** Text content of an element. */
export function xmlText(s: string): string {
  return replaceNonXml(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

/** An attribute value (for double quotes). Tabs and line breaks as references: attribute normalisation would turn them into spaces. */
export function xmlAttr(s: string): string {
  return replaceNonXml(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

/** True when `s` survives an XML round trip unchanged (nothing had to be replaced). */
export function isXmlSafe(s: string): boolean {
  NOT_XML.lastIndex = 0;
  return !NOT_XML.test(s);
}

/** A tiny element builder: attributes in the given order, undefined ones left out. */
export function el(name: string, attrs: Record<string, string | number | boolean | undefined>, children?: string | string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
  const body = Array.isArray(children) ? children.join('') : (children ?? '');
  return body ? `<${name}${a}>${body}</${name}>` : `<${name}${a}/>`;
}
