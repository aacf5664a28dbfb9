// The base class of every Koe element: LitElement whose first render runs in a task of its own.
import { LitElement } from 'lit';
import { yieldToMain } from '../core/scheduling.js';

export class KoeElement extends LitElement {
  /**
   * The first render waits for a new task: the script that defined the element (and the host page's own start-up, such
   * as the layout the parser asks for when it finishes) ends first, so no single task carries both. Later renders are
   * scheduled as Lit schedules them.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await yieldToMain();
    super.scheduleUpdate();
  }
}
