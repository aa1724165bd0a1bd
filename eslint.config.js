import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		// f(...array) puts every element on the stack: it throws "Maximum call stack size exceeded" past
		// ~125,000 elements, and API pages and batch lists can be that long. Loops instead.
		files: ['source/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
					message: 'No spread into a call: an unbounded array overflows the stack. Use a loop.',
				},
			],
		},
	},
	{
		// Full-screen UI and library layers must never print directly: stray output jolts the screen.
		files: ['source/domain/**', 'source/omics/**', 'source/poller/**', 'source/ui/**', 'source/emulator/**'],
		rules: {'no-console': 'error'},
	},
	{
		// Tests assert on escape and control characters; matching them is the point there.
		files: ['test/**'],
		rules: {'no-control-regex': 'off'},
	},
	{
		files: ['scripts/**/*.mjs'],
		languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
	},
);
