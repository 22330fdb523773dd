/**
 * The metric catalogue as the admin form offers it: metrics grouped by theme, the places a
 * metric can be broken down by, and readable names for metric keys. From the core's
 * reference data (the admin bundle may carry it; the public pages do not).
 */
import {
  centres,
  localGroups,
  metricById,
  metrics,
  regions,
  THEMES,
  type MetricDefinition,
} from '$core/reference';
import { formatMetricKey, parseMetricKey, type Scope } from '$core/metric-keys';
import type { Lang } from '$lib/format';
import { metricKeyLabel } from '$core/labels';

export { metricById };

/** `national`, or a place: `region.ile-de-france`, `centre.massy`, `local_group.saint-martin`. */
export type Where = 'national' | `${Scope}.${string}`;

const places = { region: regions, centre: centres, local_group: localGroups } as const;

export function metricGroups(
  lang: Lang,
  themeName: (theme: string) => string,
): { label: string; options: { id: string; label: string }[] }[] {
  return THEMES.map((theme) => ({
    label: themeName(theme),
    options: metrics
      .filter((m) => m.theme === theme)
      .map((m) => ({ id: m.id, label: m.label[lang] }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
  })).filter((g) => g.options.length > 0);
}

/** The places a metric is broken down by, grouped by kind; `national` first when allowed. */
export function whereOptions(
  def: MetricDefinition | undefined,
  lang: Lang,
): { kind: 'national' | Scope; options: { value: Where; label: string }[] }[] {
  if (!def) return [];
  return def.scopes.map((scope) =>
    scope === 'national'
      ? { kind: 'national' as const, options: [{ value: 'national' as Where, label: '' }] }
      : {
          kind: scope,
          options: places[scope]
            .map((p) => ({ value: `${scope}.${p.slug}` as Where, label: p.name[lang] }))
            .sort((a, b) => a.label.localeCompare(b.label, lang)),
        },
  );
}

export function splitKey(key: string): { metric: string; where: Where } {
  const parsed = parseMetricKey(key);
  if (!parsed) return { metric: '', where: 'national' };
  return {
    metric: parsed.metric,
    where: parsed.scope ? `${parsed.scope.kind}.${parsed.scope.slug}` : 'national',
  };
}

export function joinKey(metric: string, where: Where): string {
  if (where === 'national') return metric;
  const [kind, slug] = where.split('.') as [Scope, string];
  return formatMetricKey({ metric, scope: { kind, slug } });
}

/** « Bénévoles — Île-de-France »; the key itself when the catalogue does not know it. */
export const keyLabel = (key: string, lang: Lang): string => metricKeyLabel(key, lang);

export function unitOf(key: string, lang: Lang): string {
  const def = metricById.get(parseMetricKey(key)?.metric ?? '');
  return def?.unit[lang] ?? '';
}
