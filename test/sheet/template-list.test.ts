/**
 * The templates as src/ declares them, not as dist/ holds them (templates.test.ts checks the built
 * files, which mutation runs cannot see): the README names each, and each plan's example data computes.
 */
import fs from 'fs';
import path from 'path';
import { DetailedCellError } from 'hyperformula';
import { TEMPLATES } from '../../src/sheet/templates';
import { planEngine } from './plan-engine';

describe('the templates as the pane and the README list them', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: the README names its file and title, and its description says what it is for', (_id, template) => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(`**${template.title}** (\`${template.file}\`)`);
    expect(template.file).toMatch(/^[a-z-]+\.xlsx$/);
    expect(template.description.length).toBeGreaterThan(40);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: its plan, with its example data, computes without an error cell', (_id, template) => {
    const plan = template.plan();
    expect(plan.name).toBe(template.title);
    const engine = planEngine(plan);
    const values = engine.hf.getSheetValues(engine.sheet).flat();
    const numbers = values.filter((value) => typeof value === 'number');
    expect(values.filter((value) => value instanceof DetailedCellError)).toEqual([]);
    // Example data, not an empty sheet: many computed numbers.
    expect(numbers.length).toBeGreaterThan(40);
  });
});
