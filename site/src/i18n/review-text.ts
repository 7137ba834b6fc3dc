// The Review step's text in the planner's language: its own catalog (review-en.ts / review-ko.ts,
// in Review's lazily loaded chunk with the component) and the cost prose of generator/src/cost.ts.
import { useMemo } from 'react';
import { localizeCostText } from './cost-text.ts';
import { useI18n } from './react.tsx';
import { enReview, type ReviewKey } from './review-en.ts';
import { koReview } from './review-ko.ts';
import { textOf, type TextOf } from './t.ts';

export interface ReviewText extends TextOf<ReviewKey> {
  /** A cost line description or note in this language, else as written. */
  costText: (text: string) => string;
}

export function useReviewText(): ReviewText {
  const L = useI18n();
  return useMemo(() => ({ ...textOf<ReviewKey>(L.lang, L.lang === 'ko' ? koReview : enReview), costText: (s: string) => localizeCostText(s, L.data.cost) }), [L]);
}
