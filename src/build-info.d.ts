/** Set by the build (vite.config.ts): the package version and the build's time, naming this build. */
declare const __PANEL_BUILD__: string;
