// The widgets' options and their rules (embed/options.js), as the loader applies them to a
// mount's attributes and the build to ENDPOINT: run here in Node, with the few browser
// globals they read stood in for. embed.test.mjs and host-api.test.mjs see the same sentences
// reach the page's author in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { options, validEndpoint } from '../../embed/options.js';

const FLOWS = ['survey', 'assessment', 'both'];
const SPOKEN = ['en', 'de'];
// The page's language, the browser's, and which colours CSS knows.
const page = { lang: '', languages: [] };
Object.assign(globalThis, {
  document: { documentElement: page },
  CSS: { supports: (property, value) => property === 'color' && /^(#[0-9a-f]{3,8}|rebeccapurple|rgb\(.*\))$/i.test(value) },
});
Object.defineProperty(globalThis, 'navigator', { value: { get languages() { return page.languages; } }, configurable: true });

/** The options of a mount with `attributes` (names without `data-`). */
const of = (flow, attributes = {}) => options(flow, (name) => attributes[name] ?? null, FLOWS, SPOKEN);

test('a mount with no options gets the defaults', () => {
  assert.deepEqual(of('survey'), {
    flow: 'survey', theme: 'auto', namespace: 'default', lang: 'en', accent: null, compact: false, surveyLink: null, endpoint: null,
  });
});

test('each option given is taken as it is', () => {
  const given = { theme: 'dark', namespace: 'column-7', lang: 'de-AT', accent: '#1f5f8b', compact: '', 'survey-link': '/survey/', endpoint: 'https://collector.example/r' };
  assert.deepEqual(of('assessment', given), {
    flow: 'assessment', theme: 'dark', namespace: 'column-7', lang: 'de', accent: '#1f5f8b', compact: true, surveyLink: '/survey/', endpoint: 'https://collector.example/r',
  });
  assert.equal(of('both', { compact: 'false' }).compact, false);
});

test('values are trimmed, and keywords read in any case', () => {
  const given = { theme: ' Dark ', namespace: 'Spring-Issue ', lang: ' DE ', accent: ' #7a3e9d ', compact: 'TRUE', 'survey-link': ' /survey/ ', endpoint: ' https://collector.example/r ' };
  assert.deepEqual(of(' Assessment ', given), {
    flow: 'assessment', theme: 'dark', namespace: 'spring-issue', lang: 'de', accent: '#7a3e9d', compact: true, surveyLink: '/survey/', endpoint: 'https://collector.example/r',
  });
  assert.equal(of('BOTH', { theme: 'LIGHT', compact: ' ' }).theme, 'light');
  assert.equal(of('survey', { compact: ' ' }).compact, true, 'an attribute of spaces is one without a value');
});

test('the language is the page\'s, else the browser\'s first spoken, else English', () => {
  page.lang = 'de-CH';
  assert.equal(of('survey').lang, 'de');
  page.lang = 'fr';
  page.languages = ['fr-FR', 'de-DE', 'en'];
  assert.equal(of('survey').lang, 'de');
  page.languages = ['fr-FR'];
  assert.equal(of('survey').lang, 'en');
  assert.equal(of('survey', { lang: 'EN-gb' }).lang, 'en', 'data-lang wins, its case and region ignored');
  page.lang = '';
  page.languages = [];
});

test('each wrong option gets a sentence naming the attribute, what it takes and what it got', () => {
  const wrong = [
    ['quiz', {}, 'data-alliance-widget must be "survey", "assessment" or "both", not "quiz".'],
    ['survey', { lang: 'fr' }, 'data-lang must be "en" or "de", not "fr".'],
    ['survey', { theme: 'blue' }, 'data-theme must be "auto", "light" or "dark", not "blue".'],
    ['survey', { theme: ' Blue ' }, 'data-theme must be "auto", "light" or "dark", not " Blue ".'],
    ['survey', { namespace: 'Column 7' }, 'data-namespace must be 1 to 40 letters, digits or dashes, not "Column 7".'],
    ['survey', { namespace: 'x'.repeat(41) }, `data-namespace must be 1 to 40 letters, digits or dashes, not "${'x'.repeat(41)}".`],
    ['survey', { accent: 'url(x)' }, 'data-accent must be a CSS colour, not "url(x)".'],
    ['survey', { compact: 'yes' }, 'data-compact takes no value, or "true" or "false", not "yes".'],
    ['survey', { endpoint: 'http://collector.example/r' }, 'data-endpoint must be an https: address (or http: on this computer, for testing), not "http://collector.example/r".'],
  ];
  for (const [flow, attributes, sentence] of wrong) assert.equal(of(flow, attributes), sentence);
});

test('answers go only to an https: address, or to http: on this computer', () => {
  for (const good of ['https://collector.example/responses', 'https://collector.example:8443/r?key=1',
    'http://localhost:9000/r', 'http://127.0.0.1:9000/r', 'http://[::1]:9000/r']) {
    assert.ok(validEndpoint(good), good);
  }
  for (const bad of ['', 'collector.example/r', '/responses', 'javascript:alert(1)', 'http://collector.example/r',
    'ftp://x/r', 'https://', 'https://a b/r', 'http://localhost.example/r', 'https:collector.example/r']) {
    assert.ok(!validEndpoint(bad), bad);
  }
});
