/**
 * Measures against the budgets of budgets.json, and the one table the bench prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Budget {
  max?: number;
  min?: number;
  equals?: boolean;
  /** `x`: a ratio to a reference measured in the same run (a cold start, a latency). */
  unit?: 'B' | 'ms' | 'x';
  /** The measure depends on the machine's speed and load (latency, cold start, Lighthouse performance). */
  timing?: boolean;
  why: string;
}

export type Value = number | boolean | string;

export interface Row {
  id: string;
  label: string;
  value: Value;
  unit?: 'B' | 'ms' | 'x' | 'req/s' | 'score' | '';
  note?: string;
}

export type Verdict = 'ok' | 'OVER' | '' | 'ERROR';

export function loadBudgets(file = join(import.meta.dirname, 'budgets.json')): Map<string, Budget> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Budget | string>;
  return new Map(Object.entries(raw).filter((e): e is [string, Budget] => typeof e[1] === 'object'));
}

/** The exact key wins over a pattern with `*`. */
export function budgetFor(budgets: Map<string, Budget>, id: string): Budget | undefined {
  if (budgets.has(id)) return budgets.get(id);
  for (const [key, budget] of budgets) {
    if (!key.includes('*')) continue;
    const pattern = new RegExp(
      `^${key
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^.]+')}$`,
    );
    if (pattern.test(id)) return budget;
  }
  return undefined;
}

export function verdict(value: Value, budget: Budget | undefined): Verdict {
  if (typeof value === 'string') return 'ERROR';
  if (!budget) return '';
  if (budget.equals !== undefined) return value === budget.equals ? 'ok' : 'OVER';
  if (typeof value !== 'number' || Number.isNaN(value)) return 'ERROR';
  if (budget.max !== undefined && value > budget.max) return 'OVER';
  if (budget.min !== undefined && value < budget.min) return 'OVER';
  return 'ok';
}

export function formatValue(value: Value, unit?: Row['unit']): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (unit === 'B') return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
  if (unit === 'ms') return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
  if (unit === 'req/s') return `${Math.round(value)} req/s`;
  if (unit === 'x') return `${value.toFixed(1)} ×`;
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function formatBudget(budget: Budget | undefined): string {
  if (!budget) return '';
  if (budget.equals !== undefined) return budget.equals ? 'yes' : 'no';
  const unit = budget.unit;
  if (budget.max !== undefined) return `≤ ${formatValue(budget.max, unit)}`;
  return `≥ ${formatValue(budget.min!, unit)}`;
}

export interface Judged extends Row {
  budget: string;
  verdict: Verdict;
  timing: boolean;
}

export function judge(rows: Row[], budgets: Map<string, Budget>): Judged[] {
  return rows.map((row) => {
    const budget = budgetFor(budgets, row.id);
    return {
      ...row,
      budget: formatBudget(budget),
      verdict: verdict(row.value, budget),
      timing: budget?.timing === true,
    };
  });
}

/**
 * The rows that fail the run. With `gateTiming` false (CI, on a shared machine), a timing
 * budget that is over is shown but does not fail it; a measure that failed always does.
 */
export function failing(judged: readonly Judged[], { gateTiming }: { gateTiming: boolean }): Judged[] {
  return judged.filter((r) => r.verdict === 'ERROR' || (r.verdict === 'OVER' && (gateTiming || !r.timing)));
}

/** A Markdown table: readable in a terminal and pasted as is into the README. */
export function table(rows: Judged[]): string {
  const header = ['measure', 'value', 'budget', '', 'note'];
  const cells = rows.map((r) => [r.label, formatValue(r.value, r.unit), r.budget, r.verdict, r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
