package ai.connecty.athena.local.sql;

import io.trino.sql.tree.DereferenceExpression;
import io.trino.sql.tree.Identifier;
import io.trino.sql.tree.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a statement names one of the hidden columns Trino's connectors give tables ({@code "$path"},
 * {@code "$file_size"}, {@code "$file_modified_time"}, {@code "$partition"}). Only such a statement reads its tables
 * from the DuckDB views that have them, so every other statement is printed as it always was.
 */
final class HiddenColumnNames {

    static final Set<String> NAMES = Set.of("$path", "$file_size", "$file_modified_time", "$partition");

    private HiddenColumnNames() {
    }

    static boolean mentionedIn(Node tree) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(tree);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Identifier id && NAMES.contains(id.getValue().toLowerCase(Locale.ROOT))) {
                return true;
            }
            // The field of t."$path" is no child of the dereference in Trino's tree.
            if (node instanceof DereferenceExpression d && d.getField().isPresent()) {
                pending.push(d.getField().get());
            }
            node.getChildren().forEach(pending::push);
        }
        return false;
    }
}
