/** A member of a structure: its shape and where a REST request carries it (body when absent). */
export interface MemberRef {
	readonly shape: string;
	readonly location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
	readonly locationName?: string;
}

/** A shape of the service model, reduced to what request validation reads. */
export interface ModelShape {
	readonly type:
		'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | string;
	readonly required?: readonly string[];
	readonly members?: Readonly<Record<string, MemberRef>>;
	/** Element shape of a list; key and value shapes of a map. */
	readonly member?: string;
	readonly key?: string;
	readonly value?: string;
	readonly min?: number;
	readonly max?: number;
	readonly pattern?: string;
	readonly enum?: readonly string[];
	readonly union?: boolean;
	readonly document?: boolean;
}

/** The extracted model: each emulated operation's input shape, and every shape reachable from them. */
export interface ModelShapes {
	readonly operations: Readonly<Record<string, {readonly input: string}>>;
	readonly shapes: Readonly<Record<string, ModelShape>>;
}
