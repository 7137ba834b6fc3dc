// The Publish step's text in the planner's language: its own catalog (publish-en.ts / publish-ko.ts),
// in the step's lazily loaded chunk with the component.
import { useMemo } from 'react';
import { enPublish, type PublishKey } from './publish-en.ts';
import { koPublish } from './publish-ko.ts';
import { useI18n } from './react.tsx';
import { textOf, type TextOf } from './t.ts';

export function usePublishText(): TextOf<PublishKey> {
  const L = useI18n();
  return useMemo(() => textOf<PublishKey>(L.lang, L.lang === 'ko' ? koPublish : enPublish), [L]);
}
