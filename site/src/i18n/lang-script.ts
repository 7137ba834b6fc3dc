// The inline script every page runs in <head>, before the first paint: the language to show is
// the stored choice (the header toggle), else the first of the browser's languages the site
// offers, else English (the same rule as pickLang in t.ts; tests/site/i18n.test.ts runs this
// text against it). When that is not the page's language, it goes to the same page in that
// language, keeping the query and the #plan= hash, before anything is drawn.
// Plain ES5 in a string: it is inlined as is and its hash is added to the CSP (Base.astro).
import { createHash } from 'node:crypto';
import { LANG_KEY } from './t.ts';

export const LANG_SCRIPT = [
  '(function(){try{',
  `var s=null;try{s=localStorage.getItem(${JSON.stringify(LANG_KEY)})}catch(e){}`,
  "var want=s==='en'||s==='ko'?s:null;",
  "if(!want){var l=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];",
  "for(var i=0;i<l.length&&!want;i++){var p=String(l[i]).toLowerCase().split('-')[0];if(p==='en'||p==='ko')want=p}}",
  "want=want||'en';",
  "var here=document.documentElement.lang==='ko'?'ko':'en';",
  'if(want!==here){',
  "var bare=location.pathname.replace(/^\\/ko(?=\\/|$)/,'')||'/';",
  "var to=want==='en'?bare:bare==='/'?'/ko/':'/ko'+bare;",
  'location.replace(to+location.search+location.hash)}',
  '}catch(e){}})();',
].join('');

/** The CSP source for the script (Astro hashes bundled scripts, not `is:inline` ones). */
export const LANG_SCRIPT_HASH = `sha256-${createHash('sha256').update(LANG_SCRIPT).digest('base64')}`;
