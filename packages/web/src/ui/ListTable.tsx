import { Button, type ButtonProps, Group, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** One column: its header, and what each row shows in it. */
export interface Column<T> {
  label: string;
  cell: (item: T) => ReactNode;
  /** The cell that names its row (a row header, so screen readers say it with each cell). */
  rowHeader?: boolean;
  /** For long unbroken values (addresses, URIs), which would otherwise widen the table. */
  breakAll?: boolean;
}

interface ListTableProps<T> {
  /** null while the list is loading: nothing is shown until it arrives. */
  items: T[] | null;
  /** Shown instead of an empty table; without it an empty list still gets its table. */
  empty?: string;
  emptyTestId?: string;
  testId: string;
  /** Below this width the table scrolls sideways; by default 130 pixels a column. */
  minWidth?: number;
  caption?: ReactNode;
  columns: Column<T>[];
  verticalSpacing?: "xs" | "sm";
  row: {
    key: (item: T) => string;
    testId: string;
    /** The row's data attributes, which tests use to find a row by what it shows. */
    data?: (item: T) => Record<`data-${string}`, string>;
  };
  /** The last column, "Actions": buttons acting on the row (false for one a row lacks). */
  actions?: (item: T) => (RowActionProps | false)[];
}

/**
 * The lists of the account and admin pages: a scrollable table whose header cells are scoped
 * columns (screen readers announce them with each cell), or a sentence when there is nothing.
 */
export function ListTable<T>({
  items,
  empty,
  emptyTestId,
  testId,
  minWidth,
  caption,
  columns,
  verticalSpacing = "sm",
  row,
  actions,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  if (!items) return null;
  if (items.length === 0 && empty !== undefined) {
    return <Text data-testid={emptyTestId}>{empty}</Text>;
  }
  const headers = [
    ...columns.map((column) => column.label),
    ...(actions ? [t("account.actions")] : []),
  ];
  return (
    <Table.ScrollContainer minWidth={minWidth ?? 130 * headers.length}>
      <Table
        captionSide={caption === undefined ? undefined : "top"}
        verticalSpacing={verticalSpacing}
        data-testid={testId}
      >
        {caption !== undefined && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={row.key(item)} data-testid={row.testId} {...row.data?.(item)}>
              {columns.map((column) => (
                <Cell key={column.label} column={column} item={item} />
              ))}
              {actions && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {actions(item).map(
                      (action) => action && <RowAction key={action.testId} {...action} />,
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Cell<T>({ column, item }: { column: Column<T>; item: T }) {
  const style = column.breakAll ? { wordBreak: "break-all" as const } : undefined;
  if (column.rowHeader) {
    return (
      <Table.Th scope="row" fw={500} style={style}>
        {column.cell(item)}
      </Table.Th>
    );
  }
  return <Table.Td style={style}>{column.cell(item)}</Table.Td>;
}

export interface RowActionProps {
  label: string;
  /** Names the row too, since a column of identical "Remove" buttons is ambiguous when heard. */
  ariaLabel: string;
  onClick: () => void;
  testId: string;
  loading?: boolean;
  color?: ButtonProps["color"];
}

/** A small button acting on one row of a ListTable. */
export function RowAction({ label, ariaLabel, onClick, testId, loading, color }: RowActionProps) {
  return (
    <Button
      size="xs"
      variant="default"
      color={color}
      loading={loading}
      aria-label={ariaLabel}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
