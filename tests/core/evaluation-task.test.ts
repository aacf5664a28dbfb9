// When an element's first render may join the task that ran Koe's script (shared/evaluation-task.ts): only in that task,
// and only while it has been short; an element added by a later task (a CRM's event handler, a test) always waits.
import { expect } from '@open-wc/testing';
import type * as EvaluationTask from '../../src/shared/evaluation-task.js';
import { describe, it } from './mocha.js';

/** A fresh copy of the module, run now: as if Koe's script had just started. */
async function freshScriptTask(): Promise<typeof EvaluationTask> {
  return import(`../../src/shared/evaluation-task.ts?copy=${Math.random()}`);
}

describe('the task that ran the script', () => {
  it('is short right after the script has run, and over once a later task has run', async () => {
    const task = await freshScriptTask();
    expect(task.inShortScriptTask(), 'in the task that ran the module').to.equal(true);
    await new Promise((resolve) => setTimeout(resolve));
    expect(task.inShortScriptTask(), 'in a later task').to.equal(false);
  });

  it('is not short once it has run for the budget, even before it ends', async () => {
    const task = await freshScriptTask();
    const start = performance.now();
    while (performance.now() - start < task.JOIN_SCRIPT_TASK_BUDGET_MS) {
      // Busy, as a long script would be, without ending the task.
    }
    expect(task.inShortScriptTask()).to.equal(false);
  });
});
