/**
 * One layout variant of one fixture: which transforms, with which seed, on which document. Free of vitest and
 * of the readers, so `scripts/variant.mjs` can print the same HTML the test reads.
 */
import type { CapturedOrder } from '@/utils/model/order';
import { hashSeed, mulberry32 } from './prng';
import { applyTransforms, TRANSFORM_NAMES, type Applied, type TransformName } from './transforms';

/** Variants per fixture: one per transform alone (attribution), then random combinations. */
export const SINGLE_VARIANTS = TRANSFORM_NAMES.length;
export const COMBINED_VARIANTS = 20;
export const VARIANTS_PER_FIXTURE = SINGLE_VARIANTS + COMBINED_VARIANTS;

export interface VariantSpec {
  /** `<platform>/<fixture name>` */
  fixture: string;
  /** Index within the fixture's variants. */
  n: number;
  seed: number;
  transforms: TransformName[];
}

/** Which transforms a seed picks when none are named: each with probability ½, at least two. */
export function transformsForSeed(seed: number): TransformName[] {
  const rng = mulberry32(hashSeed(seed, 'subset'));
  const names = TRANSFORM_NAMES.filter(() => rng.chance(0.5));
  while (names.length < 2) {
    const extra = rng.pick(TRANSFORM_NAMES);
    if (!names.includes(extra)) names.push(extra);
  }
  return TRANSFORM_NAMES.filter((name) => names.includes(name));
}

/** Variant n of a fixture: seed = hash(fixture, n); the first ones apply one transform each. */
export function variantSpec(fixture: string, n: number): VariantSpec {
  const seed = hashSeed(fixture, n);
  const transforms = n < SINGLE_VARIANTS ? [TRANSFORM_NAMES[n] as TransformName] : transformsForSeed(seed);
  return { fixture, n, seed, transforms };
}

/**
 * The static page as the replay test reads it: no script runs, so `<script>` and the `<template>` rows a
 * script would render later are inert; they and `<style>` (the readers never look at CSS) are left out,
 * which makes parsing several times faster. Transforms skip these elements anyway.
 */
export function staticHtml(html: string): string {
  return html
    .replace(/<template\b[\s\S]*?<\/template>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '');
}

export interface BuiltVariant {
  spec: VariantSpec;
  doc: Document;
  applied: Applied[];
  expected: CapturedOrder[];
}

export function buildVariant(
  spec: VariantSpec,
  doc: Document,
  page: { platform: string; kind: 'list' | 'detail' | 'logistics'; expected: CapturedOrder[] },
): BuiltVariant {
  const expected = page.expected.map((order) => structuredClone(order));
  const applied = applyTransforms(
    {
      doc,
      platform: page.platform,
      kind: page.kind,
      expected,
      created: new WeakSet(),
      waybillsDone: new Set(),
      classMap: new Map(),
    },
    spec.seed,
    spec.transforms,
  );
  return { spec, doc, applied, expected };
}

export function describeApplied(applied: Applied[]): string {
  return applied
    .map((a) => `${a.name}${a.edits === 0 ? ' (no-op)' : ` ×${a.edits}`}${a.notes.length ? ` [${a.notes.slice(0, 6).join('; ')}${a.notes.length > 6 ? '; …' : ''}]` : ''}`)
    .join(', ');
}

export const reproduceCommand = (spec: VariantSpec) =>
  `node scripts/variant.mjs ${spec.fixture} ${spec.seed} ${spec.transforms.join(',')}`;
