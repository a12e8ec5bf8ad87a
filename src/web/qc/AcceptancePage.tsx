/** Router of the acceptance screens: #/qc/lots, #/qc/lots/:id, #/qc/lots/:id/review[/:recordId], #/qc/keyers, #/qc/machine[/:bookId]. */
import { useEffect, useState } from 'react';
import type { SignedInUser } from '../auth/index.js';
import { KeyerAccuracyTable } from './KeyerAccuracyTable.js';
import { LotPage } from './LotPage.js';
import { MachineAccuracyPage } from './MachineAccuracyPage.js';
import { LotsPage } from './LotsPage.js';
import { SamplingReview } from './SamplingReview.js';
import { listSample } from './acceptance.api.js';

function ReviewStart({ lotId }: { lotId: string }) {
  const [error, setError] = useState('');
  useEffect(() => {
    listSample(lotId).then(
      (s) => {
        const first = s.find((x) => !x.checked) ?? s[0];
        location.hash = first ? `#/qc/lots/${lotId}/review/${first.recordId}` : `#/qc/lots/${lotId}`;
      },
      (e: Error) => setError(e.message),
    );
  }, [lotId]);
  return <p role={error ? 'alert' : undefined}>{error || 'Đang mở mẫu…'}</p>;
}

export function AcceptancePage({ hash, user }: { hash: string; user: SignedInUser }) {
  const review = /^#\/qc\/lots\/([0-9a-f-]{36})\/review(?:\/([0-9a-f-]{36}))?/.exec(hash);
  if (review) {
    const lotId = review[1]!;
    return review[2] ? (
      <SamplingReview
        lotId={lotId}
        recordId={review[2]}
        onDone={() => {
          location.hash = `#/qc/lots/${lotId}`;
        }}
      />
    ) : (
      <ReviewStart lotId={lotId} />
    );
  }
  const lot = /^#\/qc\/lots\/([0-9a-f-]{36})/.exec(hash)?.[1];
  if (lot) return <LotPage key={lot} id={lot} user={user} />;
  if (hash.startsWith('#/qc/keyers')) return <KeyerAccuracyTable />;
  if (hash.startsWith('#/qc/machine')) return <MachineAccuracyPage bookId={/^#\/qc\/machine\/([0-9a-f-]{36})/.exec(hash)?.[1]} user={user} />;
  return <LotsPage user={user} />;
}
