package dev.stepwise.migration.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL statement that works {@code CONCURRENTLY}, and the objects it names: such
 * statements wait for older transactions rather than lock out readers and writers, and
 * leave INVALID indexes (or a pending detach) behind when they fail.
 */
public final class ConcurrentStatement {

	/** What the statement does. */
	public enum Kind {

		/** {@code CREATE [UNIQUE] INDEX CONCURRENTLY}. */
		CREATE_INDEX("CREATE INDEX CONCURRENTLY"),

		/** {@code DROP INDEX CONCURRENTLY}. */
		DROP_INDEX("DROP INDEX CONCURRENTLY"),

		/** {@code REINDEX ... CONCURRENTLY}, or {@code REINDEX (CONCURRENTLY) ...}. */
		REINDEX("REINDEX CONCURRENTLY"),

		/** {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY}. */
		DETACH_PARTITION("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		/** The kind as PostgreSQL's messages name it. */
		public String description() {
			return this.description;
		}

	}

	private final Kind kind;

	private final @Nullable String index;

	private final @Nullable String relation;

	private final @Nullable String partition;

	private final @Nullable String reindexTarget;

	private ConcurrentStatement(Kind kind, @Nullable String index, @Nullable String relation, @Nullable String partition,
			@Nullable String reindexTarget) {
		this.kind = kind;
		this.index = index;
		this.relation = relation;
		this.partition = partition;
		this.reindexTarget = reindexTarget;
	}

	/**
	 * Recognises a concurrent statement.
	 * @param sql one PostgreSQL statement, as the splitter returns it
	 * @return the statement, or {@code null} when it is not one that works concurrently
	 */
	public static @Nullable ConcurrentStatement of(String sql) {
		if (!sql.toUpperCase(Locale.ROOT).contains("CONCURRENTLY")) {
			return null;
		}
		Tokens tokens = new Tokens(PostgresTokens.read(sql));
		return switch (tokens.keyword()) {
			case "CREATE" -> createIndex(tokens);
			case "DROP" -> (tokens.keyword().equals("INDEX") && tokens.keyword().equals("CONCURRENTLY"))
					? new ConcurrentStatement(Kind.DROP_INDEX, null, null, null, null) : null;
			case "REINDEX" -> reindex(tokens);
			case "ALTER" -> detachPartition(tokens);
			default -> null;
		};
	}

	/** {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] [name] ON [ONLY] table ...}. */
	private static @Nullable ConcurrentStatement createIndex(Tokens tokens) {
		String next = tokens.keyword();
		if (next.equals("UNIQUE")) {
			next = tokens.keyword();
		}
		if (!next.equals("INDEX") || !tokens.keyword().equals("CONCURRENTLY")) {
			return null;
		}
		if (tokens.peekKeyword().equals("IF")) {
			tokens.keyword();
			tokens.keyword();
			tokens.keyword();
		}
		String index = null;
		if (!tokens.peekKeyword().equals("ON")) {
			index = tokens.storedName();
		}
		if (!tokens.keyword().equals("ON")) {
			return null;
		}
		if (tokens.peekKeyword().equals("ONLY")) {
			tokens.keyword();
		}
		return new ConcurrentStatement(Kind.CREATE_INDEX, index, tokens.qualifiedName(), null, null);
	}

	/** {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}. */
	private static @Nullable ConcurrentStatement reindex(Tokens tokens) {
		boolean concurrently = tokens.optionsNameConcurrently();
		String target = tokens.keyword();
		if (tokens.peekKeyword().equals("CONCURRENTLY")) {
			tokens.keyword();
			concurrently = true;
		}
		if (!concurrently) {
			return null;
		}
		String relation = (target.equals("INDEX") || target.equals("TABLE")) ? tokens.qualifiedName() : null;
		return new ConcurrentStatement(Kind.REINDEX, null, relation, null, target);
	}

	/** {@code ALTER TABLE [IF EXISTS] [ONLY] parent DETACH PARTITION partition CONCURRENTLY}. */
	private static @Nullable ConcurrentStatement detachPartition(Tokens tokens) {
		if (!tokens.keyword().equals("TABLE")) {
			return null;
		}
		if (tokens.peekKeyword().equals("IF")) {
			tokens.keyword();
			tokens.keyword();
		}
		if (tokens.peekKeyword().equals("ONLY")) {
			tokens.keyword();
		}
		String parent = tokens.qualifiedName();
		if (!tokens.keyword().equals("DETACH") || !tokens.keyword().equals("PARTITION")) {
			return null;
		}
		String partition = tokens.qualifiedName();
		if (!tokens.keyword().equals("CONCURRENTLY")) {
			return null;
		}
		return new ConcurrentStatement(Kind.DETACH_PARTITION, null, parent, partition, null);
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * The name of the index that {@code CREATE INDEX CONCURRENTLY} builds, as PostgreSQL
	 * stores it (unquoted names folded to lower case), or {@code null} when the statement
	 * names none or is of another kind.
	 */
	public @Nullable String index() {
		return this.index;
	}

	/**
	 * The relation the statement works on, as written (quotes and schema kept, as
	 * {@code to_regclass} reads it): the table of {@code CREATE INDEX}, the index or table
	 * of {@code REINDEX INDEX|TABLE}, the partitioned table of {@code DETACH PARTITION};
	 * {@code null} otherwise.
	 */
	public @Nullable String relation() {
		return this.relation;
	}

	/** The partition that {@code DETACH PARTITION} detaches, as written, or {@code null}. */
	public @Nullable String partition() {
		return this.partition;
	}

	/** What {@code REINDEX} rebuilds ({@code INDEX}, {@code TABLE}, {@code SCHEMA}, ...), or {@code null}. */
	public @Nullable String reindexTarget() {
		return this.reindexTarget;
	}

	/** A cursor over the tokens of a statement. */
	private static final class Tokens {

		private final List<PostgresTokens.Token> tokens;

		private int next;

		Tokens(List<PostgresTokens.Token> tokens) {
			this.tokens = tokens;
		}

		/** The next token as an upper-case keyword, or "" when it is not a word. */
		String keyword() {
			String keyword = peekKeyword();
			if (this.next < this.tokens.size()) {
				this.next++;
			}
			return keyword;
		}

		String peekKeyword() {
			if (this.next >= this.tokens.size()) {
				return "";
			}
			PostgresTokens.Token token = this.tokens.get(this.next);
			return (token.type() == PostgresTokens.Type.WORD) ? token.text().toUpperCase(Locale.ROOT) : "";
		}

		/** One name: a word folded to lower case, or a quoted identifier without its quotes. */
		@Nullable String storedName() {
			if (this.next >= this.tokens.size()) {
				return null;
			}
			PostgresTokens.Token token = this.tokens.get(this.next++);
			return switch (token.type()) {
				case WORD -> token.text().toLowerCase(Locale.ROOT);
				case QUOTED -> token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
				default -> null;
			};
		}

		/** A possibly qualified name, as written: {@code schema.table}, {@code "My Table"}. */
		@Nullable String qualifiedName() {
			List<String> parts = new ArrayList<>();
			while (this.next < this.tokens.size()) {
				PostgresTokens.Token token = this.tokens.get(this.next);
				if (token.type() != PostgresTokens.Type.WORD && token.type() != PostgresTokens.Type.QUOTED) {
					break;
				}
				parts.add(token.text());
				this.next++;
				if (this.next >= this.tokens.size() || !this.tokens.get(this.next).text().equals(".")) {
					break;
				}
				this.next++;
			}
			return parts.isEmpty() ? null : String.join(".", parts);
		}

		/** Reads {@code (options)} if present: whether it turns on {@code CONCURRENTLY}. */
		boolean optionsNameConcurrently() {
			if (this.next >= this.tokens.size() || this.tokens.get(this.next).type() != PostgresTokens.Type.PARENTHESES) {
				return false;
			}
			String options = this.tokens.get(this.next++).text();
			for (String option : options.substring(1, options.length() - 1).split(",")) {
				String[] words = option.strip().split("\\s+");
				if (words[0].equalsIgnoreCase("CONCURRENTLY")) {
					return words.length == 1 || switch (words[1].toLowerCase(Locale.ROOT)) {
						case "false", "off", "0", "no" -> false;
						default -> true;
					};
				}
			}
			return false;
		}

	}

}
