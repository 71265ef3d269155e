// Copies in the trash.
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const trashKeys = {
  all: ['trash'] as const,
};

/** Query factories for the trash. */
export const trashQueries = {
  list: () => queryOptions({ queryKey: trashKeys.all, queryFn: () => desk.listTrash({}) }),
};
