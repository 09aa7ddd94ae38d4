// Reads the Fluent catalogs the pages are rendered from, so assertions follow the wording.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './nagorik.mjs';

const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';
export const toBanglaDigits = (s) => String(s).replace(/[0-9]/g, (d) => BANGLA_DIGITS[d]);

function load(lang) {
  const messages = new Map();
  const dir = join(ROOT, 'templates/locales', lang);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ftl'));
  const lines = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
  const terms = new Map();
  for (const line of lines) {
    const m = /^(-?[a-z][a-z0-9-]*)\s*=\s*(.*)$/.exec(line);
    if (m && m[2].trim() !== '') (m[1].startsWith('-') ? terms : messages).set(m[1], m[2].trim());
  }
  // Glossary terms (`{ -voice }`) read as their text, as Fluent renders them.
  for (const [id, text] of messages) {
    messages.set(id, text.replace(/\{\s*(-[a-z][a-z0-9-]*)\s*\}/g, (whole, term) => terms.get(term) ?? whole));
  }
  return messages;
}

const CATALOGS = { bn: load('bn'), en: load('en') };

/** A single-line message with `{ $name }` placeables filled in (Bangla digits on Bangla pages). */
export function msg(lang, id, args = {}) {
  const text = CATALOGS[lang].get(id);
  if (text === undefined) throw new Error(`no single-line message ${id} in templates/locales/${lang}`);
  return text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (_, name) => {
    if (!(name in args)) throw new Error(`message ${id} needs ${name}`);
    return lang === 'bn' ? toBanglaDigits(args[name]) : String(args[name]);
  });
}
