import React, {createContext, useContext} from 'react';
import type {Glyphs} from '../theme/glyphs.js';
import {UNICODE_GLYPHS} from '../theme/glyphs.js';

/** How everything is drawn: one set for the whole tree, read where it is used rather than passed down. */
export interface RenderOptions {
	readonly glyphs: Glyphs;
	/** Colours on (off: `--no-color`, NO_COLOR, TERM=dumb); emphasis stays either way. */
	readonly color: boolean;
	/** Only ASCII (`--ascii`, TERM=dumb or linux). */
	readonly ascii: boolean;
}

const RenderOptionsContext = createContext<RenderOptions>({
	glyphs: UNICODE_GLYPHS,
	color: true,
	ascii: false,
});

/** Provides the render options to the tree below. */
export function RenderOptionsProvider({
	value,
	children,
}: React.PropsWithChildren<{readonly value: RenderOptions}>) {
	return <RenderOptionsContext.Provider value={value}>{children}</RenderOptionsContext.Provider>;
}

/** The render options of the tree. */
export function useRenderOptions(): RenderOptions {
	return useContext(RenderOptionsContext);
}
