import { describe, expect, test } from 'vitest';
import { decodeEntities, stripTags } from './entities';
import { foldHomoglyphs } from './homoglyphs';
import { canonicalLink, extractLinks } from './links';
import {
  dropLoneSurrogates,
  foldCharacters,
  MAX_INPUT_CHARS,
  maskGreetingNames,
  normalizeText,
  removeInvisible,
  squeezeRepeats,
} from './normalize';

describe('decodeEntities', () => {
  test.each([
    ['I&#39;m', "I'm"],
    ['fish &amp; chips', 'fish & chips'],
    ['&lt;3 &quot;x&quot;', '<3 "x"'],
    ['&#x1F525;', '🔥'],
    ['&amp;#39;', "'"],
    ['&bogus; &', '&bogus; &'],
    ['&#0;&#xD800;', '\ufffd\ufffd'],
    ['&#72;&#x69;', 'Hi'],
  ])('%s → %s', (input, expected) => expect(decodeEntities(input)).toBe(expected));
});

describe('stripTags', () => {
  test.each([
    ['a<br />b', 'a b'],
    ['<a href="http://x.com">x.com</a>', ' x.com '],
    ['I <3 you', 'I <3 you'],
    ['a < b > c', 'a < b > c'],
  ])('%s → %s', (input, expected) => expect(stripTags(input)).toBe(expected));
});

describe('removeInvisible and dropLoneSurrogates', () => {
  test.each([
    ['a\u200bb\u200cc\u200dd', 'abcd'],
    ['x\u2060y\u2062z\ufeff', 'xyz'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['mongol\u180eian', 'mongolian'],
    ['e\ufe0f\u{e0067}', 'e'],
    ['rtl\u202emark', 'rtlmark'],
    ['nul\u0000byte', 'nul byte'],
  ])('%j → %j', (input, expected) => expect(removeInvisible(input)).toBe(expected));
  test('lone surrogates are dropped, pairs kept', () => {
    expect(dropLoneSurrogates('a\ud800b\udc00c🔥')).toBe('abc🔥');
  });
});

describe('foldCharacters', () => {
  test.each([
    ['ＦＲＥＥ', 'free'],
    ['𝐇𝐞𝐥𝐥𝐨', 'hello'],
    ['ﬁne', 'fine'],
    ['Неllо wоrld', 'hello world'],
    ['ΡΑΥΡΑL', 'paypal'],
    ['z̷a̷l̷g̷o̷', 'zalgo'],
    ['Café', 'cafe'],
    ['İstanbul', 'istanbul'],
    ['ᴄʟɪᴄᴋ', 'click'],
    ['MiXeD CaSe', 'mixed case'],
  ])('%s → %s', (input, expected) => expect(foldCharacters(input)).toBe(expected));
  test('homoglyph fold leaves ordinary text alone', () => {
    expect(foldHomoglyphs('plain ascii')).toBe('plain ascii');
  });
});

describe('maskGreetingNames', () => {
  test.each([
    ['hi anna, thanks', 'hi \ue002, thanks'],
    ['hello mr. smith! welcome', 'hello \ue002! welcome'],
    ['great. dear maria jose, hi', 'great. dear \ue002, hi'],
    ['thanks for connecting', 'thanks for connecting'],
  ])('%s → %j', (input, expected) => expect(maskGreetingNames(input)).toBe(expected));
});

describe('squeezeRepeats', () => {
  test.each([
    ['sooooo good', 'so god'],
    ['!!!!', '!'],
    ['🔥🔥🔥', '🔥'],
  ])('%s → %s', (input, expected) => expect(squeezeRepeats(input)).toBe(expected));
});

describe('links', () => {
  test.each([
    ['https://www.YouTube.com/watch?v=abc.', 'youtube.com/watch?v=abc'],
    ['http://bit.ly/x/', 'bit.ly/x'],
  ])('canonical %s → %s', (input, expected) => expect(canonicalLink(input)).toBe(expected));
  test('extracts scheme, www and bare-domain links', () => {
    const { links, hosts } = extractLinks('see https://a.com/x and www.b.org or murdev.com/y', '#');
    expect(links).toEqual(['a.com/x', 'b.org', 'murdev.com/y']);
    expect(hosts).toEqual(['a.com', 'b.org', 'murdev.com']);
  });
});

describe('normalizeText', () => {
  test.each([
    ['Hi Anna, thanks for connecting!', 'hi ~ thanks for conecting', 5],
    ['@bob great point', '@ great point', 3],
    ['Order 12345 costs $1,000.50', 'order 0 costs 0', 4],
    ['Great post 🔥🔥 love it', 'great post love it', 4],
    ['🔥🔥🔥', '🔥', 0],
    ['Check https://www.ex.com/a?b=1 now', 'check u:ex.com now', 3],
    ['I&#39;m  here<br />now\ufeff', 'i m here now', 4],
    ['', '', 0],
    ['!!! ??? ...', '', 0],
  ])('%j → %j (%d words)', (input, key, words) => {
    const result = normalizeText(input);
    expect(result.key).toBe(key);
    expect(result.words).toBe(words);
  });
  test('keeps the full link apart from the key', () => {
    expect(normalizeText('look https://spam.example/offer?id=1').links).toEqual(['spam.example/offer?id=1']);
  });
  test('only the first MAX_INPUT_CHARS are fingerprinted', () => {
    const head = 'word '.repeat(MAX_INPUT_CHARS / 5 + 1);
    expect(normalizeText(`${head}tail`).key).toBe(normalizeText(`${head}other tail`).key);
  });
});
