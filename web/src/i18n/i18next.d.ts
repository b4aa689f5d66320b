import 'i18next';
import type { Catalog } from './locales/en';

// t('…') keys are checked against the English catalog: a key that does not exist fails tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}
