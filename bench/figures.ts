/** One line of the benchmark's table. */
export interface Figure {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  /** The value as the table shows it. */
  readonly display: string;
  readonly target: string;
  /** Whether the target is met; null when there is no target or nothing was measured. */
  readonly met: boolean | null;
  readonly note: string;
}

/** The figures as a text table: name, value, target, met, note. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [
    ['figure', 'value', 'target', 'met', 'note'],
    ...figures.map((f) => [f.name, f.display, f.target, f.met === null ? '-' : f.met ? 'yes' : 'NO', f.note]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 4 ? cell.padEnd(widths[i] as number) : cell))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The figures as a Markdown table, for bench/README.md. */
export function formatMarkdown(figures: readonly Figure[]): string {
  const lines = ['| figure | value | target | met | note |', '|---|---|---|---|---|'];
  for (const f of figures) {
    lines.push(
      `| ${f.name} | ${f.display} | ${f.target} | ${f.met === null ? '-' : f.met ? 'yes' : 'no'} | ${f.note} |`,
    );
  }
  return lines.join('\n');
}
