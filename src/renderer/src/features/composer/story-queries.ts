// One story (shared content and its copies) and media blobs.
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const storyKeys = {
  all: ['story'] as const,
  one: (storyId: string) => ['story', storyId] as const,
};

/** Query factories for stories and media. */
export const storyQueries = {
  one: (storyId: string) =>
    queryOptions({ queryKey: storyKeys.one(storyId), queryFn: () => desk.getStory({ storyId }) }),
  /** Media never changes under a hash, so it is cached for the session. */
  media: (hash: string) =>
    queryOptions({
      queryKey: ['media', hash] as const,
      queryFn: async () => {
        const m = await desk.getMedia({ hash });
        return `data:${m.mime};base64,${m.dataBase64}`;
      },
      gcTime: 10 * 60_000,
    }),
};
