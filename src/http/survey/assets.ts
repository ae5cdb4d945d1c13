import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The survey page's style, inlined into every page (one request for the first view; the CSP
 * allows inline styles), and a small script served as a file (scripts come from 'self' only)
 * that only improves the page: conditional questions appear as you answer, and answers are saved
 * as you go. Without it the page works fully.
 */
export const SURVEY_CSS = `*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#f3f4f6}
header{background:#fff;border-top:.375rem solid var(--p);border-bottom:1px solid #d0d7de}
.bar,main,footer{max-width:42rem;margin:0 auto;padding:.75rem 1rem}
.bar{display:flex;align-items:center;justify-content:space-between;gap:1rem}
.bar img{max-height:3rem;max-width:60%}.org{font-weight:700;font-size:1.125rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.125rem;margin:0 0 .5rem}
a{color:var(--p)}p{margin:0 0 .75rem}.about{color:#57606a}
:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.q{background:#fff;border:1px solid #d0d7de;border-radius:.5rem;margin:0 0 1rem;padding:1rem;min-width:0}
.q legend,.q>label{float:left;width:100%;padding:0;margin-bottom:.5rem;font-weight:600}.q>*{clear:both}
.req{font-weight:400;color:#57606a}.help{color:#57606a;font-size:.9375rem;margin-bottom:.5rem}
.scale{display:grid;grid-template-columns:repeat(var(--n),minmax(0,1fr));gap:.25rem;--n:10}
.n11{--n:11}.n7{--n:7}
.scale label{position:relative;display:block}
.scale input{position:absolute;inset:0;opacity:0;margin:0;width:100%;height:100%;cursor:pointer}
.scale span{display:flex;align-items:center;justify-content:center;min-height:2.75rem;border:1px solid #6e7781;border-radius:.375rem;background:#fff;font-weight:600}
.scale input:checked+span{background:var(--p);border-color:var(--p);color:#fff}
.scale input:focus-visible+span{outline:3px solid #1f2328;outline-offset:2px}
.scale input:hover+span{border-color:var(--p);border-width:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;color:#57606a;font-size:.875rem;margin:.375rem 0 0}
.opts{display:grid;gap:.375rem}
.opts label{display:flex;gap:.625rem;align-items:center;min-height:2.75rem;padding:.5rem .75rem;border:1px solid #6e7781;border-radius:.375rem;cursor:pointer}
.opts input{width:1.25rem;height:1.25rem;margin:0;flex:none;accent-color:var(--p)}
.opts label:has(input:checked){border-color:var(--p);box-shadow:inset 0 0 0 1px var(--p)}
@media(min-width:40rem){.o2{grid-template-columns:1fr 1fr}.o5{grid-template-columns:repeat(5,1fr)}.o5 label{flex-direction:column;text-align:center;font-size:.9375rem}}
textarea{display:block;width:100%;min-height:7rem;font:inherit;padding:.5rem;border:1px solid #6e7781;border-radius:.375rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1.25rem;border-radius:.375rem;border:2px solid var(--p);background:#fff;color:var(--p);cursor:pointer}
.primary{background:var(--p);color:#fff}button:disabled{cursor:not-allowed}
.errors{border:3px solid #b42318;background:#fff;padding:1rem;border-radius:.5rem;margin-bottom:1rem}
.err{color:#b42318;font-weight:600;margin:0 0 .5rem}.q.bad{border:2px solid #b42318}
.notice{background:#fff;border-left:.375rem solid #1a7f37;padding:.75rem 1rem;margin-bottom:1rem}
.banner{background:#fff8c5;border-bottom:2px solid #9a6700;padding:.75rem 1rem;font-weight:700;text-align:center;margin:0}
.answers dt{font-weight:600;margin-top:.75rem}.answers dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
main>footer{font-size:.9375rem;padding:1rem 0 2rem}.status{min-height:1.5rem;color:#1a7f37;font-weight:600}`;

export const SURVEY_JS = `(function(){
var form=document.getElementById('survey');if(!form)return;
var qs=[].slice.call(form.querySelectorAll('.q')),status=document.getElementById('autosave'),timer;
function controls(q){return [].slice.call(q.querySelectorAll('input,textarea'))}
function given(q){var v=[];controls(q).forEach(function(e){if(e.type==='hidden')return;if(e.type==='radio'||e.type==='checkbox'){if(e.checked)v.push(e.value)}else if(e.value.trim())v.push(e.value)});return v}
function typed(q,v){var k=q.getAttribute('data-kind');if(k==='scale')return Number(v[0]);if(k==='yesno')return v[0]==='yes';if(k==='choice')return v;return v[0]}
function met(c,answered){if(!c)return true;var p=c.split(' '),a=answered[p[0]],v=p.slice(2).join(' ');if(a===undefined)return false;
if(Array.isArray(a))return p[1]==='eq'&&a.indexOf(v)>=0;if(p[1]==='lte')return a<=Number(v);if(p[1]==='gte')return a>=Number(v);
return typeof a==='boolean'?String(a)===v:a===v}
function update(){var answered={},answers={};qs.forEach(function(q){var show=met(q.getAttribute('data-if'),answered);q.hidden=!show;
controls(q).forEach(function(e){e.disabled=!show});if(!show)return;var v=given(q);if(!v.length)return;var key=q.getAttribute('data-key');
answered[key]=typed(q,v);answers[key]=q.getAttribute('data-kind')==='choice'?v:v[0]});return answers}
function save(){var answers=update();if(form.hasAttribute('data-preview'))return;
fetch(location.pathname.replace(/\\/$/,'')+'/draft',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({answers:answers})})
.then(function(r){if(r.ok&&status)status.textContent=status.getAttribute('data-ok')},function(){})}
function later(ms){clearTimeout(timer);timer=setTimeout(save,ms)}
form.addEventListener('change',function(){update();later(500)});
form.addEventListener('input',function(e){if(e.target.tagName==='TEXTAREA')later(2000)});
update()})();`;

const etag = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 16)}"`;
/** The script's address changes with its content, so it may be cached for a year. */
export const SURVEY_JS_PATH = `/s/assets/survey.${etag(SURVEY_JS).slice(1, 9)}.js`;

export async function registerSurveyAssets(app: FastifyInstance) {
  app.get(SURVEY_JS_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag(SURVEY_JS))
      .send(SURVEY_JS),
  );
}
