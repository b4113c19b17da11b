import { describe, expect, it } from 'vitest';
import { asOrigin, eventTarget, parseOrigins } from '../../src/embed/origins';

describe('parseOrigins', () => {
  it('reads a comma-separated list of origins, normalized and without duplicates', () => {
    expect(parseOrigins('https://course.example.org, http://localhost:8080,HTTPS://Course.Example.org/')).toEqual({
      origins: ['https://course.example.org', 'http://localhost:8080'],
      notes: [],
    });
  });

  it('drops default ports', () => {
    expect(parseOrigins('https://a.org:443,http://b.org:80').origins).toEqual(['https://a.org', 'http://b.org']);
  });

  it('is empty without the key or with an empty value', () => {
    expect(parseOrigins(null)).toEqual({ origins: [], notes: [] });
    expect(parseOrigins('  ')).toEqual({ origins: [], notes: [] });
  });

  it('refuses everything that is not exactly an origin, with a note each', () => {
    const bad = ['*', 'null', 'example.org', 'https://a.org/course', 'https://a.org?x=1', 'https://a.org#x', 'https://user:pw@a.org', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html;x', 'ftp://a.org', 'https://', 'https://a .org', `https://${'a'.repeat(300)}.org`];
    const { origins, notes } = parseOrigins(bad.join(','));
    expect(origins).toEqual([]);
    expect(notes).toHaveLength(bad.length);
    expect(notes[0]).toBe('origins=: "*" is not an origin (such as https://course.example.org); it is ignored.');
  });

  it('keeps the valid entries of a mixed list', () => {
    const { origins, notes } = parseOrigins('https://ok.org,https://bad.org/path,http://127.0.0.1:5173');
    expect(origins).toEqual(['https://ok.org', 'http://127.0.0.1:5173']);
    expect(notes).toHaveLength(1);
  });

  it('stops at 20 entries', () => {
    const list = Array.from({ length: 25 }, (_, i) => `https://h${i}.org`).join(',');
    const { origins, notes } = parseOrigins(list);
    expect(origins).toHaveLength(20);
    expect(notes).toEqual(['origins= lists more than 20 entries; the rest are ignored.']);
  });

  it('asOrigin gives the origin or null', () => {
    expect(asOrigin('http://localhost:4173')).toBe('http://localhost:4173');
    expect(asOrigin('http://localhost:4173/x')).toBe(null);
  });
});

describe('eventTarget', () => {
  it("is '*' without an allowlist, the parent's origin when allowed, else the first allowed origin", () => {
    expect(eventTarget([], 'https://a.org')).toBe('*');
    expect(eventTarget(['https://a.org', 'https://b.org'], 'https://b.org')).toBe('https://b.org');
    expect(eventTarget(['https://a.org', 'https://b.org'], 'https://evil.org')).toBe('https://a.org');
    expect(eventTarget(['https://a.org', 'https://b.org'], null)).toBe('https://a.org');
  });
});
