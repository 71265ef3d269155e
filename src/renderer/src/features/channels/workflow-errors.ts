// The words for the workflow form's errors (literal keys, so every one is checked to exist).
import type { TFunction } from 'i18next';
import type { WorkflowError } from './workflow-form';

/** The error in the interface language. */
export function workflowErrorText(error: WorkflowError, t: TFunction): string {
  switch (error) {
    case 'quietTime':
      return t('channelWorkflow.errQuietTime');
    case 'quietSame':
      return t('channelWorkflow.errQuietSame');
    case 'perHour':
      return t('channelWorkflow.errPerHour');
    case 'perDay':
      return t('channelWorkflow.errPerDay');
    case 'dayBelowHour':
      return t('channelWorkflow.errDayBelowHour');
    case 'tooManyTags':
      return t('channelWorkflow.errTooManyTags');
    case 'tag':
      return t('channelWorkflow.errTag');
    case 'tagEmpty':
      return t('channelWorkflow.errTagEmpty');
    case 'tagTwice':
      return t('channelWorkflow.errTagTwice');
  }
}
