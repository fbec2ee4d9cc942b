package dev.stepwise.migration.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

import dev.stepwise.migration.api.ScriptResource;
import dev.stepwise.migration.api.ScriptSource;
import dev.stepwise.migration.api.StepwiseException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Lists {@code classpath:} locations through Spring's resource resolver, which also reads a
 * native image's resources, where the class path is neither a directory nor a jar. The engine
 * asks it only there: it lists directories and jars itself, at a fraction of the cost.
 */
final class SpringResourceScriptSource implements ScriptSource {

	private final ResourcePatternResolver resolver;

	SpringResourceScriptSource(ResourceLoader resourceLoader) {
		this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
	}

	@Override
	public @Nullable List<ScriptResource> scan(String location, String path) {
		String root = path.isEmpty() ? "" : path + "/";
		Resource[] resources;
		try {
			resources = this.resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + root + "**/*.sql");
		}
		catch (IOException ex) {
			throw new StepwiseException("Cannot list " + location + " on the class path: " + ex, ex);
		}
		List<ScriptResource> scripts = new ArrayList<>();
		for (Resource resource : resources) {
			if (resource.isReadable()) {
				String relative = relativePath(resource, root, location);
				scripts.add(new SpringScript(relative, location, root + relative, resource));
			}
		}
		// A location without any script counts as absent, so that {vendor} may fall back.
		return scripts.isEmpty() ? null : scripts;
	}

	private static String relativePath(Resource resource, String root, String location) {
		String url;
		try {
			url = resource.getURL().toString();
		}
		catch (IOException ex) {
			throw new StepwiseException("Cannot tell where " + resource + " of " + location + " is: " + ex, ex);
		}
		int start = url.lastIndexOf("/" + root);
		if (start >= 0) {
			return url.substring(start + root.length() + 1);
		}
		int separator = url.lastIndexOf("!/" + root);
		if (separator >= 0) {
			return url.substring(separator + root.length() + 2);
		}
		String filename = resource.getFilename();
		return (filename != null) ? filename : url;
	}

	/** A script read through its Spring resource. */
	private record SpringScript(String path, String location, String name, Resource resource) implements ScriptResource {

		@Override
		public String read(Charset charset) {
			try (InputStream in = this.resource.getInputStream()) {
				String text = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(in.readAllBytes()))
					.toString();
				return text.startsWith("\uFEFF") ? text.substring(1) : text;
			}
			catch (CharacterCodingException ex) {
				throw new StepwiseException(this.name + " is not valid " + charset.name() + ": save it as "
						+ charset.name() + ", or set the encoding of scripts with stepwise.encoding", ex);
			}
			catch (IOException ex) {
				throw new StepwiseException("Cannot read " + this.name + ": " + ex, ex);
			}
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
