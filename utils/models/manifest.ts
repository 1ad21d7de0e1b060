import { z } from 'zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const baseEntry = z.object({
  id: z.string().min(1),
  /** Folder holding the model in transformers.js layout, relative to the manifest's base folder. */
  dir: z.string().min(1),
  source: z.string().optional(),
  license: z.string().optional(),
  files: z.record(z.string(), sha256Hex).refine((f) => 'onnx/model_quantized.onnx' in f, {
    message: 'a model must ship onnx/model_quantized.onnx',
  }),
});

export const embedEntrySchema = baseEntry.extend({
  task: z.literal('feature-extraction'),
  dim: z.number().int().positive(),
  pooling: z.enum(['mean', 'cls']),
  normalize: z.boolean(),
});

export const nerEntrySchema = baseEntry.extend({
  task: z.literal('token-classification'),
  labels: z.array(z.string()).optional(),
});

export const modelManifestSchema = z.object({
  v: z.literal(1),
  models: z.object({ embed: embedEntrySchema, ner: nerEntrySchema }),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type EmbedModelEntry = z.infer<typeof embedEntrySchema>;
export type NerModelEntry = z.infer<typeof nerEntrySchema>;
export type ModelRole = keyof ModelManifest['models'];
export const MODEL_ROLES: readonly ModelRole[] = ['embed', 'ner'];

/**
 * What the extension needs to know at run time about the models it ships. The build writes it
 * next to the model folders (`models/runtime.json`), so pages never parse the build manifest.
 */
export interface RuntimeModelInfo {
  /** `version`: the first 16 hex digits of the weights' sha256, so a result names the exact model that made it. */
  embed: { id: string; version: string; dim: number; pooling: 'mean' | 'cls'; normalize: boolean };
  ner: { id: string };
}

export function runtimeModelInfo(manifest: ModelManifest): RuntimeModelInfo {
  const { embed, ner } = manifest.models;
  return {
    embed: { id: embed.id, version: embed.files['onnx/model_quantized.onnx']!.slice(0, 16), dim: embed.dim, pooling: embed.pooling, normalize: embed.normalize },
    ner: { id: ner.id },
  };
}
