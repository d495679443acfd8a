/** Generated YouTube-structured comment pages for the content benches (static and virtualized). */
// Generated YouTube comment markup: ~4 % canned copies from one sender, the rest varied made-up words.
// A few hundred distinct made-up words, so ordinary comments do not look alike to the engine.
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'gi', 'fu', 'he', 'ju', 'bo'];
const words = syllables.flatMap((a) => syllables.map((b) => a + b + (a.length + b.length > 3 ? 'n' : '')));

export function textFor(index: number): string {
  if (index % 25 === 0)
    return `I made $${4000 + (index % 7) * 100} last week working from home with one simple app, check my profile`;
  const out: string[] = [];
  let seed = (index * 2654435761) >>> 0;
  for (let word = 0; word < 8 + (index % 9); word++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out.push(words[(seed >>> 8) % words.length] ?? 'ok');
  }
  return `${out.join(' ')} #${index}`;
}

export function comment(index: number): string {
  const handle = index % 25 === 0 ? '@quick-gains-hub' : `@viewer-${index % 1700}`;
  const id = `Ugz${index.toString(36).padStart(8, '0')}BenchAaABAg`;
  return `<ytd-comment-thread-renderer class="style-scope ytd-item-section-renderer"><ytd-comment-view-model id="comment" class="style-scope ytd-comment-thread-renderer"><div id="body"><div id="author-thumbnail"><img id="img" alt="" width="40" height="40"></div><div id="main"><div id="header"><div id="header-author"><h3><a id="author-text" class="yt-simple-endpoint" href="/${handle}"><span> ${handle} </span></a></h3><span dir="auto" id="published-time-text"><a class="yt-simple-endpoint" href="/watch?v=Bench5000xx&amp;lc=${id}">${index % 23} hours ago</a></span></div></div><ytd-expander id="expander"><div id="content"><yt-attributed-string id="content-text" slot="content" user-input><span class="yt-core-attributed-string" dir="auto" role="text">${textFor(index)}</span></yt-attributed-string></div></ytd-expander><ytd-comment-engagement-bar id="action-buttons"><div id="toolbar"><button aria-label="Like">👍</button><button>Reply</button></div></ytd-comment-engagement-bar></div></div></ytd-comment-view-model></ytd-comment-thread-renderer>`;
}

export const shell = (body: string, script = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bench - YouTube</title><style>body{font:14px Roboto,Arial,sans-serif;margin:0}ytd-comment-thread-renderer{display:block;height:84px;overflow:hidden}</style></head><body><ytd-app><ytd-comments id="comments"><ytd-item-section-renderer id="sections"><div id="contents">${body}</div></ytd-item-section-renderer></ytd-comments></ytd-app>${script}</body></html>`;

export const staticPage = (count: number): string =>
  shell(Array.from({ length: count }, (_, index) => comment(index)).join(''));

/** Keeps only the rows in view (plus a margin) in the DOM, re-creating them on scroll like real virtualizers. */
export function virtualPage(count: number): string {
  const script = `<script>
const rowHeight = 100, count = ${count}, contents = document.getElementById('contents');
const comment = ${comment.toString()};
const textFor = ${textFor.toString()};
const words = ${JSON.stringify(words)};\nconst syllables = [];
contents.style.position = 'relative'; contents.style.height = (count * rowHeight) + 'px';
let first = -1;
function render() {
  const start = Math.max(0, Math.floor(scrollY / rowHeight) - 5);
  if (start === first) return;
  first = start;
  const html = [];
  for (let i = start; i < Math.min(count, start + 20); i++) html.push('<div style="position:absolute;top:' + (i * rowHeight) + 'px;width:100%">' + comment(i) + '</div>');
  contents.innerHTML = html.join('');
}
addEventListener('scroll', render, { passive: true }); render();
</script>`;
  return shell('', script);
}
