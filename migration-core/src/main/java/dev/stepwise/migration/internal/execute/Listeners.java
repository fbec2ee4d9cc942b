package dev.stepwise.migration.internal.execute;

import java.util.List;
import java.util.function.Consumer;

import dev.stepwise.migration.api.CredentialMask;
import dev.stepwise.migration.api.StepwiseListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every listener, one at a time; a listener that throws is logged and skipped, since
 * a metrics bug must never fail a migration.
 */
public final class Listeners {

	private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

	private final List<StepwiseListener> listeners;

	public Listeners(List<StepwiseListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	public void tell(Consumer<StepwiseListener> event) {
		for (StepwiseListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Listener {} failed; carrying on", listener.getClass().getName(),
						CredentialMask.masked(ex));
			}
		}
	}

}
