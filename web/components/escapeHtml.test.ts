import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, html } from './escapeHtml.ts';

describe('HTML for chart tooltips', () => {
  it('escapes markup in interpolated values and keeps the template’s own', () => {
    const name = '<img src=x onerror=alert(1)><a href="//evil.example">塔山"托育"园</a> & co';
    expect(html`${name}<br/>${'越城区'} · 托位 ${12}`).toBe(
      '&lt;img src=x onerror=alert(1)&gt;&lt;a href=&quot;//evil.example&quot;&gt;塔山&quot;托育&quot;园&lt;/a&gt; &amp; co<br/>越城区 · 托位 12',
    );
    expect(escapeHtml(null)).toBe('');
  });

  it('never lets a value open or close a tag or an attribute (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(html`<b>${s}</b>`.slice(3, -4)).not.toMatch(/[<>"']/);
      }),
    );
  });
});
