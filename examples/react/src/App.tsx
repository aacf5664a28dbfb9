import { useState } from 'react';
import type { KoeSentDetail } from 'koe-widgets/intake';

// A property, not an attribute: React 19 sets it on the element. Kept outside the component so it is set once.
const headers = { 'X-Koe-Example': 'react' };

export function App() {
  const [sent, setSent] = useState<KoeSentDetail[]>([]);
  return (
    <main>
      <h1>商談 D-2026-0042: 株式会社サンプル商事</h1>
      <koe-intake
        endpoint="/api/intake"
        company-id="C-000123"
        company-name="株式会社サンプル商事"
        deal-id="D-2026-0042"
        deal-stage="提案"
        lead-source="ウェブセミナー"
        reporter-id="u-7"
        reporter-name="佐藤 健一"
        headers={headers}
        onkoe-sent={(event) => setSent((list) => [...list, event.detail])}
      />
      <ul aria-label="送信済み">
        {sent.map((detail) => (
          <li key={detail.id} data-id={detail.id}>
            {detail.id}: HTTP {detail.status}
          </li>
        ))}
      </ul>
    </main>
  );
}
