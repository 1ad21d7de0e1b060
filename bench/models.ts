/**
 * The on-device models: embedding throughput of the built extension's model host (WASM, one
 * thread, SIMD, in Chromium) against the same model in Node's native onnxruntime; the first
 * model load (cold start); and the latency of one page signal (anonymize + embed) with the models warm.
 */
import path from 'node:path';
import { loadNodeRunners } from '../utils/models/node-runners';
import { TEXT_LIMITS } from '../utils/wire/signal';
import { wasmThreadCount } from '../utils/models/wasm-threads';
import { browserEmbedRate, captureEmbedRunners, openModelHost, timedModelRequest } from './browser/model-host';
import { launchExtension, pageTexts } from './browser/setup';
import { ROOT } from './lib/child';
import type { Figure } from './lib/report';
import { median, percentile, round } from './lib/stats';

const SENTENCES = 48;
const BATCH = 8;
const ROUNDS = 3;
const SIGNALS = 24;
const COLD_START_PAGE = { title: 'Cold start', text: 'The first page a fresh model host processes.' };

function benchSentences(): string[] {
  const all = [...new Set(pageTexts().flatMap((t) => t.split(/(?<=\.)\s+/)).filter((s) => s.length > 40 && s.length < 300))];
  return Array.from({ length: SENTENCES }, (_, i) => all[i % all.length]!);
}

/** Page signals as the page observer sends them: the title and up to TEXT_LIMITS.textChars of text, with PII to redact. */
function benchSignals(): { title: string; text: string }[] {
  const texts = pageTexts();
  return Array.from({ length: SIGNALS }, (_, i) => {
    const text = texts[i % texts.length]!;
    const start = (i * 997) % Math.max(1, text.length - TEXT_LIMITS.textChars);
    const pii = ` Contact Maria Lopez at maria.lopez${i}@example.org or +44 20 7946 09${String(i).padStart(2, '0')}.`;
    return { title: text.slice(0, 60), text: (text.slice(start, start + TEXT_LIMITS.textChars - pii.length) + pii).trim() };
  });
}

export async function benchModels(extensionDir: string, manifestFile: string): Promise<Figure[]> {
  const sentences = benchSentences();
  const native = await loadNodeRunners(path.resolve(ROOT, manifestFile));
  const ext = await launchExtension(extensionDir);
  try {
    const pages = await openModelHost(ext);
    // The first request to a fresh host loads the models; one short page adds little to it.
    const coldStartMs = await timedModelRequest(pages.caller, { type: 'model:process', target: 'offscreen', pages: [COLD_START_PAGE] });
    const host = await pages.host.evaluate(() => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
    const threads = wasmThreadCount(host.isolated, host.cores);
    await captureEmbedRunners(ext, extensionDir, pages);

    const nativeRate = async () => {
      const start = performance.now();
      for (let i = 0; i < sentences.length; i += BATCH) await native.embed(sentences.slice(i, i + BATCH));
      return sentences.length / ((performance.now() - start) / 1000);
    };
    await nativeRate();
    await browserEmbedRate(pages.host, sentences.slice(0, BATCH), BATCH);
    const browserRates: number[] = [];
    const nativeRates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      browserRates.push(await browserEmbedRate(pages.host, sentences, BATCH));
      nativeRates.push(await nativeRate());
    }

    const latencies: number[] = [];
    for (const page of benchSignals()) {
      latencies.push(await timedModelRequest(pages.caller, { type: 'model:process', target: 'offscreen', pages: [page] }));
    }
    const browserRate = median(browserRates);
    const nativeRateMedian = median(nativeRates);
    return [
      { key: 'embed_browser_sentences_per_s', value: round(browserRate, 1), unit: 'sent/s', note: `extension model host, WASM SIMD, ${threads} thread(s)${host.isolated ? ' (cross-origin isolated)' : ''}, batches of ${BATCH}` },
      { key: 'embed_native_sentences_per_s', value: round(nativeRateMedian, 1), unit: 'sent/s', note: 'loadNodeRunners().embed, onnxruntime-node, same batches' },
      { key: 'embed_browser_vs_native', value: round(browserRate / nativeRateMedian, 3), unit: 'ratio', note: `median of ${ROUNDS} interleaved rounds`, target: { op: '>=', value: 0.5 } },
      { key: 'page_signal_median_ms', value: round(median(latencies), 0), unit: 'ms', note: `model:process of 1 page (title + ${TEXT_LIMITS.textChars} chars), warm, ${SIGNALS} pages` },
      { key: 'page_signal_p95_ms', value: round(percentile(latencies, 95), 0), unit: 'ms', note: 'anonymize (rules + NER) + embed, round trip from an extension page', target: { op: '<=', value: 400 } },
      { key: 'model_cold_start_ms', value: round(coldStartMs, 0), unit: 'ms', note: 'first model:process (one short page): fetch both models + WASM from the package, compile, create sessions, then that page' },
    ];
  } finally {
    await ext.close();
    await native.dispose();
  }
}
