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
});
