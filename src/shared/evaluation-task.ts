// The task that runs Koe's script. Each element entry imports this module first, so it runs before Lit and the rest,
// and its clock starts when the script starts. Used for one decision: whether an element's first render may join that
// task (see KoeElement.scheduleUpdate).

/** A first render joins the script's task only while that task has run for less than this (half a long task). */
export const JOIN_SCRIPT_TASK_BUDGET_MS = 25;

const scriptStart = performance.now();
let scriptTaskOver = false;
// A timer runs in a later task: once it has run, whatever asks is in another task than the script's.
setTimeout(() => (scriptTaskOver = true));

/** Whether the caller is still in the task that ran Koe's script, and that task has been short so far. */
export function inShortScriptTask(): boolean {
  return !scriptTaskOver && performance.now() - scriptStart < JOIN_SCRIPT_TASK_BUDGET_MS;
}
