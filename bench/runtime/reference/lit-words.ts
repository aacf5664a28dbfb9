// Reference for the runtime bench: a Lit element that draws what <koe-intake>'s first render draws (the words box and
// the send button, labelled) and nothing else: no context, no controllers, no outbox. What Lit alone costs to be ready.
import { LitElement, css, html } from 'lit';

class ReferenceLitWords extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
    }
  `;

  override render() {
    return html`<form aria-label="顧客の声を登録">
      <label for="text">お客様の言葉</label>
      <textarea id="text" name="text" rows="4" required></textarea>
      <button type="submit">送信</button>
    </form>`;
  }
}
customElements.define('reference-intake', ReferenceLitWords);
