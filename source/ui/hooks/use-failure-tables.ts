import {useEffect, useState} from 'react';
import type {FailureDetail} from '../../poller/poller-state.js';
import {failureTableLines} from '../lines/failure-table.js';
import {NO_TABLES, type FailureTables} from '../lines/detail-lines.js';

/**
 * The failure tables as text. ink-table renders through a React tree of its own, and React's work
 * loop is not re-entrant (a nested render during the App's render or effect flush corrupts Yoga's
 * nodes), so the table is built on the next macrotask whenever the groups change.
 */
export function useFailureTables(
	failures: FailureDetail | undefined,
	width: number,
	ascii: boolean,
): FailureTables {
	const [tables, setTables] = useState<FailureTables>(NO_TABLES);
	useEffect(() => {
		const timer = setTimeout(() => {
			setTables(
				failures
					? {
							submissions: failureTableLines(failures.submissions.groups, width, ascii),
							runs: failureTableLines(failures.runs.groups, width, ascii),
						}
					: NO_TABLES,
			);
		}, 0);
		return () => clearTimeout(timer);
	}, [failures, width, ascii]);
	return tables;
}
