import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface AslFile {
  /** File name without `.asl.json` (`item-lifecycle`). */
  readonly name: string;
  readonly path: string;
}

/** Every `statemachines/*.asl.json`, sorted, so a new file becomes a new state machine. */
export function listAslFiles(dir: string): AslFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.asl.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.asl.json'.length), path: path.join(dir, f) }));
}

/** `${WorkflowTaskFunctionArn}` names the entry `workflow-task`: the substitution is derived from the entry. */
export const substitutionFor = (entry: string) => `${entry.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}FunctionArn`;

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/**
 * The ASL text with every `${Name}` replaced. Substitution happens here, not through
 * CloudFormation's DefinitionSubstitutions, so the template holds the definition inline and
 * tests can assert on it; values may be CDK tokens (they resolve to Fn::Join parts).
 * Fails when a placeholder has no value: a missing substitution must break synth, not the
 * first execution.
 */
export function renderAsl(file: string, substitutions: Readonly<Record<string, string>>): string {
  const text = readFileSync(file, 'utf8');
  JSON.parse(text); // a syntax error names the file here instead of failing at deploy time
  const missing = new Set<string>();
  const rendered = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = substitutions[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  if (missing.size > 0) {
    throw new Error(`${path.basename(file)}: no substitution for ${[...missing].map((n) => '${' + n + '}').join(', ')}`);
  }
  return rendered;
}
