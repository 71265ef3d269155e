// The Telegram Bot API connector of the hub (see telegram-connector.ts for the facts it keeps).
export { createTelegramConnector, type TelegramConnectorOptions } from './telegram-connector';
