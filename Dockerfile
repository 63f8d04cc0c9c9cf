# Domain Adapter as a Hugging Face Space runs it (docker SDK), or self-hosted:
#   docker build -t domain-adapter . && docker run --gpus all -p 7860:7860 -v adapt-data:/data domain-adapter
# Runs as the non-root user 1000 (as Spaces do); runs, uploads and exports live in /data, which is
# a Space's persistent storage or a volume here, so a restart loses nothing.
FROM python:3.11-slim

# A CJK font: the Japanese UI's plots (and its language button) would otherwise draw empty boxes.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 user \
 && mkdir -p /data && chown user:user /data

USER user
ENV HOME=/home/user \
    PATH=/home/user/.local/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    ADAPT_DATA_DIR=/data \
    HF_HOME=/data/hf-cache \
    ADAPT_MODEL_CACHE=/data/model-cache \
    GRADIO_SERVER_NAME=0.0.0.0 \
    GRADIO_SERVER_PORT=7860
WORKDIR /home/user/app

# Dependencies first: a code change does not reinstall torch. On Linux torch==2.13.0 from PyPI is
# the CUDA build, which a GPU Space needs.
COPY --chown=user requirements.txt requirements-offline.txt ./
RUN pip install --no-cache-dir --user -r requirements.txt \
 && pip install --no-cache-dir --user --no-deps -r requirements-offline.txt

COPY --chown=user . .
EXPOSE 7860
CMD ["python", "app.py"]
