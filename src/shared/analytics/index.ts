// Analytics of published copies: per story, per channel and across channels (pure, runs anywhere).
export * from './post-metrics';
export * from './story-summary';
export * from './date-range';
export * from './channel-series';
export * from './update-ranking';
export * from './number-format';
export * from './copy-timeline';
export * from './analytics-report';
