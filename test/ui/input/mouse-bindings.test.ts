import {describe, expect, it} from 'vitest';
import {actionForMouse} from '../../../source/ui/input/key-bindings.js';
import type {MouseEvent} from '../../../source/ui/input/mouse-events.js';

const wheel = (direction: 'up' | 'down'): MouseEvent => ({kind: 'wheel', direction, column: 0, row: 3});
const click: MouseEvent = {kind: 'press', button: 'left', column: 0, row: 3};

describe('the mouse bindings', () => {
	it('make the wheel ↑/↓ of the focused pane: a batch in the list, three lines of text elsewhere', () => {
		expect(actionForMouse(wheel('down'), undefined, 'list')).toEqual({type: 'move', delta: 1});
		expect(actionForMouse(wheel('up'), undefined, 'list')).toEqual({type: 'move', delta: -1});
		expect(actionForMouse(wheel('down'), undefined, 'detail')).toEqual({type: 'move', delta: 3});
		expect(actionForMouse(wheel('up'), undefined, 'help')).toEqual({type: 'move', delta: -3});
	});

	it('make a left click on a list row select that batch, and a click elsewhere nothing', () => {
		expect(actionForMouse(click, 4, 'list')).toEqual({type: 'jump', index: 4});
		expect(actionForMouse(click, 4, 'detail')).toEqual({type: 'jump', index: 4});
		expect(actionForMouse(click, undefined, 'list')).toBeUndefined();
		expect(actionForMouse({...click, button: 'right'}, 4, 'list')).toBeUndefined();
	});

	it('do nothing while a filter is typed', () => {
		expect(actionForMouse(wheel('down'), undefined, 'filter')).toBeUndefined();
		expect(actionForMouse(click, 2, 'filter')).toBeUndefined();
	});
});
