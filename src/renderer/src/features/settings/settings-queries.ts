// The desk's status (data folder, problems found on opening) and its settings.
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const settingsKeys = {
  status: ['status'] as const,
  settings: ['settings'] as const,
};

/** Query factories for status and settings. */
export const settingsQueries = {
  status: () => queryOptions({ queryKey: settingsKeys.status, queryFn: () => desk.getStatus({}) }),
  settings: () =>
    queryOptions({ queryKey: settingsKeys.settings, queryFn: () => desk.getSettings({}) }),
};
