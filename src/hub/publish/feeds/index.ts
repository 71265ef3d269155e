// Own outputs: a channel's RSS 2.0 and JSON Feed 1.1, and conditional GET for both.
export { cleanText, type FeedAttachment, type FeedInput, type FeedItem } from './feed-input';
export { renderRss } from './rss';
export { renderJsonFeed, JSON_FEED_VERSION } from './json-feed';
export { sourceHtml } from './content-html';
export {
  feedValidators,
  isNotModified,
  parseHttpDate,
  type FeedValidators,
  type RequestHeaders,
} from './conditional-get';
