package dev.stepwise.migration.resolve;

import java.nio.charset.Charset;

public interface ScriptResource {

	String path();

	String location();

	String read(Charset charset);

}
