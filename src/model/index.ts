export * from './outcome';
export * from './messages';
export * from './limits';
export * from './arguments';
export * from './demand';
export * from './discount';
export * from './block';
export * from './breakeven';
