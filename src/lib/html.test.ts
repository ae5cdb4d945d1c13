import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html';

describe('html', () => {
  it('escapes interpolated text, arrays included', () => {
    const evil = '<script>alert("x")</script>&\'';
    expect(html`<p>${evil}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(html`<ul>${['<a>', 'b'].map((t) => html`<li>${t}</li>`)}</ul>`.value).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul>',
    );
  });

  it('keeps nested html and raw markup, drops null and booleans', () => {
    expect(html`<div>${html`<b>${1}</b>`}${raw('<hr>')}${null}${false}</div>`.value).toBe(
      '<div><b>1</b><hr></div>',
    );
    expect(escapeHtml('a&b')).toBe('a&amp;b');
  });

  it('escapes each special character wherever it is, and gives text without any back as it is', () => {
    const special: Array<[string, string]> = [
      ['&', '&amp;'],
      ['<', '&lt;'],
      ['>', '&gt;'],
      ['"', '&quot;'],
      ["'", '&#39;'],
    ];
    for (const [c, entity] of special) {
      expect(escapeHtml(c)).toBe(entity);
      expect(escapeHtml(`${c}begin`)).toBe(`${entity}begin`);
      expect(escapeHtml(`${'x'.repeat(200)}${c}`)).toBe(`${'x'.repeat(200)}${entity}`);
      expect(escapeHtml(`a${c}b${c}c`)).toBe(`a${entity}b${entity}c`);
    }
    for (const text of ['', 'Welk rapportcijfer geeft u?', '10', 'é ü ß 😀 \u2028', '&amp'.slice(1)])
      expect(escapeHtml(text)).toBe(text);
    // the same text twice in a row (a test with a global pattern would remember where it stopped)
    expect([escapeHtml('a<b'), escapeHtml('a<b')]).toEqual(['a&lt;b', 'a&lt;b']);
  });
});
