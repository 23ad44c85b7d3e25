import { policyProblem } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';

export function assertValidPolicy(text: string): void {
  const problem = policyProblem(text);
  if (problem) throw codedError('invalidInput', problem.key, problem.params);
}

export function prettyPolicy(text: string | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
