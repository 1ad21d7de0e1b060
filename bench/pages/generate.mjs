// Regenerates the static bench pages (deterministic): node bench/pages/generate.mjs bench/pages
import { writeFileSync } from 'node:fs';
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const S = {
  bees: ['Honey bees regulate the temperature of the brood nest to within a degree of 35 °C, even on cold spring mornings.', 'A strong colony in midsummer may hold sixty thousand workers, most of them younger than six weeks.', 'Varroa mites remain the most serious threat to managed colonies, and monitoring with a sugar roll takes only minutes.', 'Swarming is how a colony reproduces: the old queen leaves with roughly half the workers to found a new nest.', 'Beekeepers inspect frames for eggs, larvae and capped brood to judge whether the queen is laying well.', 'Forage near towns is often richer than in intensively farmed countryside, thanks to gardens and street trees.', 'Late summer feeding with thick syrup helps a light colony build stores before the first frosts.', 'Drones do not sting and are expelled from the hive in autumn when nectar becomes scarce.'],
  news: ['The city council voted on Tuesday to extend the tram line to the northern districts by 2029.', 'Officials said the project would cost about 340 million, roughly a third of it covered by national grants.', 'Residents of the affected streets will be consulted in a series of public meetings over the winter.', 'Opposition members questioned the ridership forecasts, which assume steady growth over two decades.', 'Construction is expected to close two lanes of the ring road for several months next year.', 'Local businesses along the route welcomed the decision but asked for compensation during the works.', 'The regional transport authority published the full environmental assessment on its website.', 'Cycling groups asked that a protected bike lane be built alongside the new tracks.'],
  food: ['Toast the cumin and coriander seeds in a dry pan until fragrant, then grind them coarsely.', 'Soften the onions slowly over low heat; rushing this step leaves the sauce sharp rather than sweet.', 'Add the lentils with three times their volume of water and simmer for about twenty-five minutes.', 'A squeeze of lemon at the end brightens the whole dish and balances the earthy spices.', 'Leftovers keep for four days in the fridge and the flavour improves overnight.', 'Serve with warm flatbread, plain yoghurt and a handful of chopped herbs.', 'If the sauce catches on the bottom of the pan, do not scrape the burnt layer into the pot.', 'Red lentils collapse into a purée, while green ones keep their shape.'],
  docs: ['The client retries failed requests with exponential backoff and full jitter, up to a configurable limit.', 'Each call returns a promise that resolves with the parsed response body or rejects with a typed error.', 'Timeouts are measured from the moment the request is written, not from when it is queued.', 'Set the concurrency option to bound the number of requests in flight to a single host.', 'Responses larger than the configured limit are aborted and reported as a body-too-large error.', 'The cache honours Cache-Control headers and revalidates stale entries in the background.', 'Streaming uploads require a known content length unless the server accepts chunked encoding.', 'Errors carry the request id the server returned so they can be matched with server logs.'],
};
const svg = (w, h, hue) => {
  let bars = '';
  for (let i = 0; i < 24; i++) { const bh = Math.floor(rnd() * (h - 30)) + 10; bars += `<rect x="${10 + i * ((w - 20) / 24)}" y="${h - 10 - bh}" width="${(w - 20) / 24 - 3}" height="${bh}" fill="hsl(${hue},60%,${40 + (i % 5) * 6}%)"/>`; }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img"><rect width="${w}" height="${h}" fill="#f6f4ef"/>${bars}<line x1="10" y1="${h - 10}" x2="${w - 10}" y2="${h - 10}" stroke="#333"/></svg>`;
};
const dataImg = (w, h, hue, alt) => `<img alt="${alt}" width="${w}" height="${h}" src="data:image/svg+xml;base64,${Buffer.from(svg(w, h, hue)).toString('base64')}">`;
function page(name, title, topic, sections, hue, extra = '') {
  let body = '';
  for (let s = 0; s < sections; s++) {
    body += `<section><h2>${pick(S[topic]).split(' ').slice(0, 6).join(' ')}</h2>`;
    for (let p = 0; p < 5; p++) body += `<p>${Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => pick(S[topic])).join(' ')}</p>`;
    body += s % 2 ? `<figure>${svg(640, 220, hue + s * 7)}<figcaption>Figure ${s + 1}.</figcaption></figure>` : `<figure>${dataImg(480, 200, hue + s * 5, `Chart ${s + 1}`)}<figcaption>Chart ${s + 1}.</figcaption></figure>`;
    if (extra && s % 3 === 0) body += extra;
    body += '</section>';
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}nav a{margin-right:1rem}h1{font-size:2.2rem}figure{margin:1.5rem 0}figcaption{font-size:.85rem;color:#666}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}pre{background:#f3f3f3;padding:1rem;overflow:auto}footer{margin-top:3rem;font-size:.8rem;color:#777}</style></head><body><header><nav><a href="#">Home</a><a href="#">Archive</a><a href="#">About</a></nav><h1>${title}</h1><p><em>Published 12 March, 8 min read</em></p></header><main><article>${body}</article></main><footer><p>© Example Publishing. All rights reserved.</p></footer></body></html>`;
  writeFileSync(`${process.argv[2]}/${name}`, html);
  console.log(name, (html.length / 1024).toFixed(0), 'KiB');
}
const table = `<table><thead><tr><th>option</th><th>default</th><th>meaning</th></tr></thead><tbody>${Array.from({ length: 12 }, (_, i) => `<tr><td><code>option${i}</code></td><td>${i * 10}</td><td>${pick(S.docs)}</td></tr>`).join('')}</tbody></table><pre><code>const client = createClient({ baseUrl, retries: 3, timeoutMs: 10_000 });\nconst reply = await client.get('/v1/items', { query: { limit: 50 } });\nfor (const item of reply.items) console.log(item.id, item.name);</code></pre>`;
page('beekeeping.html', 'A first year of beekeeping: what the colony taught me', 'bees', 14, 40);
page('city-news.html', 'Council approves northern tram extension', 'news', 22, 210);
page('lentil-recipe.html', 'Weeknight red lentil dal with toasted spices', 'food', 9, 20);
page('http-client-docs.html', 'HTTP client guide: retries, timeouts and caching', 'docs', 30, 120, table);
