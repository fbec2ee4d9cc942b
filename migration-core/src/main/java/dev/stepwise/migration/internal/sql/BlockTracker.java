package dev.stepwise.migration.internal.sql;

/**
 * Follows the words of one statement to tell whether the scanner is inside a body
 * (such as {@code BEGIN ... END}) where a semicolon does not end the statement.
 */
interface BlockTracker {

	/** For dialects without such bodies. */
	BlockTracker NONE = new BlockTracker() {

		@Override
		public boolean wantsWords() {
			return false;
		}

		@Override
		public void word(String text, int start, int end, int line) {
		}

		@Override
		public void symbol(char c, int line) {
		}

		@Override
		public boolean isOpen() {
			return false;
		}

		@Override
		public int openedAtLine() {
			return 0;
		}

		@Override
		public String unclosedFix() {
			return "";
		}

		@Override
		public void reset() {
		}

	};

	/** Whether {@link #word} still needs calling for this statement; scanning is faster without. */
	boolean wantsWords();

	/**
	 * A word of the statement: keyword, identifier or number.
	 * @param text the script
	 * @param start the word's first character
	 * @param end the index after its last character
	 * @param line the line of the word
	 */
	void word(String text, int start, int end, int line);

	/**
	 * Any other significant token of the statement, named by its first character: a
	 * punctuation character, a quote that starts a string or identifier, or the
	 * delimiter.
	 * @param line the line of the token
	 */
	void symbol(char c, int line);

	/** Whether a body is open, so that the delimiter does not end the statement. */
	boolean isOpen();

	/** The line of the word that opened the body that is still open. */
	int openedAtLine();

	/** How to fix a body left open at the end of the script. */
	String unclosedFix();

	/** Forgets the statement, ready for the next one. */
	void reset();

	static boolean is(String text, int start, int end, String keyword) {
		return end - start == keyword.length() && text.regionMatches(true, start, keyword, 0, keyword.length());
	}

}
